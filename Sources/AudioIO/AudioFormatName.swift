import CSndFile

/// Readable names for libsndfile's major formats and sample encodings.
enum AudioFormatName {
    static func describe(_ format: Int32) -> String {
        let major = format & Int32(SF_FORMAT_TYPEMASK)
        let sub = format & Int32(SF_FORMAT_SUBMASK)
        return "\(majorName(major)) \(subtypeName(sub))"
    }

    static func majorName(_ major: Int32) -> String {
        var info = SF_FORMAT_INFO()
        info.format = major
        if sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &info, Int32(MemoryLayout<SF_FORMAT_INFO>.size)) == 0,
           let ext = info.extension {
            return String(cString: ext).uppercased()
        }
        return "0x\(String(major, radix: 16))"
    }

    static func subtypeName(_ sub: Int32) -> String {
        switch sub {
        case Int32(SF_FORMAT_PCM_S8): return "PCM_S8"
        case Int32(SF_FORMAT_PCM_U8): return "PCM_U8"
        case Int32(SF_FORMAT_PCM_16): return "PCM_16"
        case Int32(SF_FORMAT_PCM_24): return "PCM_24"
        case Int32(SF_FORMAT_PCM_32): return "PCM_32"
        case Int32(SF_FORMAT_FLOAT): return "FLOAT"
        case Int32(SF_FORMAT_DOUBLE): return "DOUBLE"
        case Int32(SF_FORMAT_ULAW): return "ULAW"
        case Int32(SF_FORMAT_ALAW): return "ALAW"
        case Int32(SF_FORMAT_GSM610): return "GSM610"
        case Int32(SF_FORMAT_VORBIS): return "VORBIS"
        case Int32(SF_FORMAT_OPUS): return "OPUS"
        case Int32(SF_FORMAT_MPEG_LAYER_III): return "MP3"
        default: return "0x\(String(sub, radix: 16))"
        }
    }
}
