namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// A fixed-size Bloom filter: "maybe seen" or "certainly not seen", never a false "not seen".
/// With m bits, k hashes and n items its false-positive rate is about (1 − e^(−kn/m))^k.
/// Indices come from one 64-bit hash by double hashing (Kirsch–Mitzenmacher).
/// </summary>
public sealed class BloomFilter
{
    public BloomFilter()
    {
    }

    public BloomFilter(int bits, int hashes)
    {
        if (bits <= 0 || (bits & (bits - 1)) != 0 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "must be a power of two of at least 8");
        }
        Bits = new byte[bits / 8];
        Hashes = hashes;
    }

    public byte[] Bits { get; set; } = [];

    public int Hashes { get; set; }

    /// <summary>Items added (with repeats), to tell how full the filter is.</summary>
    public long Added { get; set; }

    public void Add(ulong hash)
    {
        var mask = (uint)(Bits.Length * 8 - 1);
        var (a, b) = Split(hash);
        for (var i = 0; i < Hashes; i++)
        {
            var bit = (a + (uint)i * b) & mask;
            Bits[bit >> 3] |= (byte)(1 << (int)(bit & 7));
        }
        Added++;
    }

    public bool MightContain(ulong hash)
    {
        var mask = (uint)(Bits.Length * 8 - 1);
        var (a, b) = Split(hash);
        for (var i = 0; i < Hashes; i++)
        {
            var bit = (a + (uint)i * b) & mask;
            if ((Bits[bit >> 3] & (1 << (int)(bit & 7))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    // An odd step visits distinct bits for every i under a power-of-two mask.
    private static (uint A, uint B) Split(ulong hash) => ((uint)hash, (uint)(hash >> 32) | 1);
}
