namespace IntakeMesh.Core.Understanding;

/// <summary>Character classes and distances on folded text, shared by term and amount matching.</summary>
internal static class TextMeasure
{
    /// <summary>Letters and digits of ASCII words, where English terms need word boundaries.</summary>
    public static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Characters that end a clause: a negation never reaches across one.</summary>
    public static bool IsClauseBreak(char c) => c is ',' or '.' or '!' or '?' or ';' or ':' or '\n' or '\u3002' or '\u3001';

    /// <summary>
    /// Counts words in a stretch of text: each CJK character is one, each run of other letters
    /// or digits is one. Lets one window size serve Chinese and English alike.
    /// </summary>
    public static int CountTokens(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                inWord = false;
            }
            else if (c >= '\u2E80')
            {
                count++;
                inWord = false;
            }
            else if (!inWord)
            {
                count++;
                inWord = true;
            }
        }

        return count;
    }

    /// <summary>Whether a sentence ends inside <paramref name="text"/>; commas do not end one.</summary>
    public static bool HasSentenceBreak(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '!' or '?' or ';' or '\n' or '\u3002')
            {
                return true;
            }

            // A full stop ends a sentence, a decimal point does not.
            if (c == '.' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
