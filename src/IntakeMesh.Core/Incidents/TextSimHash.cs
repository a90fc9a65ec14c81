using System.Numerics;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// A 64-bit SimHash (Charikar) of a folded text, for spotting near-identical complaints from
/// different customers: a templated, possibly coordinated wave (domain.md §5). Only letters count
/// (digits, punctuation and spaces are dropped: order numbers, dates and phone numbers differ
/// between copies of one template), cut into overlapping 3-character shingles. Each shingle's hash
/// votes on every bit; texts sharing most shingles end up a few bits apart, unrelated texts about
/// 32 apart.
/// </summary>
public static class TextSimHash
{
    private const int ShingleLength = 3;

    /// <summary>The SimHash, or null when the text has fewer letters than one shingle.</summary>
    public static ulong? Compute(string foldedText)
    {
        // ones[bit] counts the shingles whose hash has the bit set; a bit wins when most shingles set it.
        Span<int> ones = stackalloc int[64];
        Span<char> window = stackalloc char[ShingleLength];
        char first = default, second = default;
        var letters = 0;
        var shingles = 0;
        foreach (var c in foldedText)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }
            // Slide the window one letter along; count a shingle once it is full.
            window[0] = first;
            window[1] = second;
            window[2] = c;
            first = second;
            second = c;
            if (++letters < ShingleLength)
            {
                continue;
            }
            shingles++;
            var hash = StableHash.Of(window);
            for (var bit = 0; bit < 64; bit++)
            {
                ones[bit] += (int)((hash >> bit) & 1);
            }
        }
        if (shingles == 0)
        {
            return null;
        }
        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit] > shingles)
            {
                result |= 1UL << bit;
            }
        }
        return result;
    }

    /// <summary>How many bits two SimHashes differ in.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
