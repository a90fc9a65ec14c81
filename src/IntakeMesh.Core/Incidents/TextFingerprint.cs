using System.Text;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// A key from the text alone for complaints that name no subject or catalog entry, so that
/// near-identical complaints from different customers still meet. The text is reduced to its
/// letters (digits, punctuation, spaces and emoji dropped: order numbers and dates differ between
/// copies of one template), cut into 4-character shingles, and keyed by two MinHash minima: two
/// texts share the key with probability about J², J being their shingle overlap — high for copies
/// of one complaint, negligible for unrelated ones.
/// </summary>
public static class TextFingerprint
{
    private const int ShingleLength = 4;
    private const ulong SeedA = 0x9E3779B97F4A7C15;
    private const ulong SeedB = 0xC2B2AE3D27D4EB4F;

    public static string Key(string foldedText)
    {
        var letters = Letters(foldedText);
        if (letters.Length < ShingleLength)
        {
            var whole = Hash(letters, SeedA);
            return $"text:{whole:x16}{whole:x16}";
        }
        ulong minA = ulong.MaxValue, minB = ulong.MaxValue;
        for (var i = 0; i + ShingleLength <= letters.Length; i++)
        {
            var shingle = letters.AsSpan(i, ShingleLength);
            minA = Math.Min(minA, Hash(shingle, SeedA));
            minB = Math.Min(minB, Hash(shingle, SeedB));
        }
        return $"text:{minA:x16}{minB:x16}";
    }

    /// <summary>FNV-1a with a seed, then a SplitMix64 finish: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = 0xCBF29CE484222325 ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3;
        }
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EB;
        return hash ^ (hash >> 31);
    }

    private static string Letters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
