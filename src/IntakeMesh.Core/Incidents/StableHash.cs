namespace IntakeMesh.Core.Incidents;

/// <summary>
/// A 64-bit hash that is the same in every process and on every run (unlike string.GetHashCode),
/// so sketches built from it can be stored and read back: FNV-1a over the UTF-16 code units, then
/// a SplitMix64 finish so that every output bit depends on every input bit.
/// </summary>
public static class StableHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }
        return Mix(hash);
    }

    /// <summary>SplitMix64's finaliser: a cheap bijective scramble.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 30;
        value *= 0xBF58476D1CE4E5B9UL;
        value ^= value >> 27;
        value *= 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
