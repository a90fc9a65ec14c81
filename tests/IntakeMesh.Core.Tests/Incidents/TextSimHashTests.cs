using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Tests.Incidents;

public class TextSimHashTests
{
    /// <summary>
    /// Stored incidents keep SimHashes of earlier complaints, so a faster computation must give
    /// exactly the values of the plain definition: every 3-letter shingle votes +1 or -1 per bit.
    /// </summary>
    [Fact]
    public void Compute_EqualsThePlainDefinition_OnRandomMixedTexts()
    {
        var random = new Random(11);
        const string alphabet = "abcdefgh xyz电池充不进要求退款 0123!?，。";
        for (var i = 0; i < 2000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            Assert.Equal(Reference(text), TextSimHash.Compute(text));
        }
    }

    [Fact]
    public void Compute_TooFewLetters_IsNull_AndDigitsDoNotCount()
    {
        Assert.Null(TextSimHash.Compute("ab 12345 !!"));
        Assert.Equal(TextSimHash.Compute("battery failed"), TextSimHash.Compute("battery 42 failed 2026"));
    }

    private static ulong? Reference(string text)
    {
        var letters = text.Where(char.IsLetter).ToArray();
        if (letters.Length < 3)
        {
            return null;
        }
        var votes = new int[64];
        for (var i = 0; i + 3 <= letters.Length; i++)
        {
            var hash = StableHash.Of(letters.AsSpan(i, 3));
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }
        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            result |= votes[bit] > 0 ? 1UL << bit : 0;
        }
        return result;
    }
}
