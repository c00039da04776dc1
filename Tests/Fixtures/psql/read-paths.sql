SELECT source_path FROM calls;
