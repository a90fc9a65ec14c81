namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Measures SHOUTING IN CAPITALS on the original text (folding lower-cases it). Counts the
/// letters of all-capital words that stand in a row of two or more, or are long on their own,
/// so acronyms such as CFPB, TV or USB in normal prose do not count as shouting. Also spots a
/// single stressed word ("It was NOT delivered") from the lexicon's list of common words.
/// </summary>
internal static class ShoutingDetector
{
    private const int LoneWordLetters = 6;

    public static int ShoutedLetters(ReadOnlySpan<char> text)
    {
        var shouted = 0;
        var runLetters = 0;
        var runWords = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLatinLetter(text[i]))
            {
                // Lower-case prose ends a run; spaces, digits and punctuation between capital words do not.
                i++;
                continue;
            }

            var start = i;
            var upper = 0;
            while (i < text.Length && IsLatinLetter(text[i]))
            {
                upper += IsUpper(text[i]) ? 1 : 0;
                i++;
            }

            var length = i - start;
            if (length >= 2 && upper == length)
            {
                runLetters += length;
                runWords++;
            }
            else if (length > 1 || upper == 0)
            {
                shouted += Settle(runLetters, runWords);
                runLetters = runWords = 0;
            }
        }

        return shouted + Settle(runLetters, runWords);
    }

    /// <summary>Whether an all-capital word in the text is one of the stress words (NOT, AGAIN, NEVER).</summary>
    public static bool HasEmphasis(ReadOnlySpan<char> text, HashSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var allUpper = true;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                allUpper &= char.IsAsciiLetterUpper(text[i]);
                i++;
            }

            if (allUpper && i - start >= 2 && lookup.Contains(text[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Settle(int letters, int words) => words >= 2 || letters >= LoneWordLetters ? letters : 0;

    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || c is (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ');

    private static bool IsUpper(char c) => char.IsAsciiLetterUpper(c) || c is >= 'Ａ' and <= 'Ｚ';
}
