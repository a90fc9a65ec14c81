using System.Security.Cryptography;
using System.Text;

namespace IntakeMesh.Host.Security;

/// <summary>How an API key is stored: the SHA-256 of its UTF-8 bytes, as hex.</summary>
public static class ApiKeyHash
{
    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HexOf(string key) => Convert.ToHexStringLower(Of(key));

    public static bool IsHex(string? value) =>
        value?.Trim() is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit);
}
