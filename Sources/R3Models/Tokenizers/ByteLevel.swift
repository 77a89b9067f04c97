/// GPT-2's reversible map between bytes and printable Unicode characters (the "ByteLevel" alphabet
/// of Hugging Face tokenizers): printable Latin-1 bytes map to themselves, the other 68 bytes to
/// U+0100 onwards (space becomes "Ġ", newline "Ċ").
enum ByteLevel {
    /// byte -> scalar.
    static let byteToScalar: [Unicode.Scalar] = {
        var bs: [Int] = Array(33...126) + Array(161...172) + Array(174...255)
        var cs = bs
        var n = 0
        for b in 0..<256 where !bs.contains(b) {
            bs.append(b)
            cs.append(256 + n)
            n += 1
        }
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        for (b, c) in zip(bs, cs) { table[b] = Unicode.Scalar(UInt32(c))! }
        return table
    }()

    /// scalar value -> byte, for the 256 scalars of the alphabet.
    static let scalarToByte: [UInt32: UInt8] = {
        var d: [UInt32: UInt8] = [:]
        for (b, s) in byteToScalar.enumerated() { d[s.value] = UInt8(b) }
        return d
    }()

    /// The byte-level spelling of a piece of text: one scalar per UTF-8 byte.
    static func encode(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        for s in scalars {
            if s.value < 128 {
                out.append(byteToScalar[Int(s.value)])
            } else {
                for b in String(s).utf8 { out.append(byteToScalar[Int(b)]) }
            }
        }
        return out
    }

    /// Appends the bytes a byte-level token spells to `bytes`; scalars outside the alphabet keep their UTF-8.
    static func appendBytes(of token: String, to bytes: inout [UInt8]) {
        for s in token.unicodeScalars {
            if let b = scalarToByte[s.value] { bytes.append(b) } else { bytes.append(contentsOf: String(s).utf8) }
        }
    }
}
