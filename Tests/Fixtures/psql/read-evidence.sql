SELECT result_json FROM assessments;
