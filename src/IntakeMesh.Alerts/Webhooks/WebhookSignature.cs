using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntakeMesh.Alerts.Webhooks;

/// <summary>
/// The signature on webhook requests, and its check for receivers written in .NET.
/// <c>X-IntakeMesh-Timestamp</c> holds Unix seconds; <c>X-IntakeMesh-Signature</c> holds
/// <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with the webhook's UTF-8 secret, of
/// the timestamp, a dot, and the raw body bytes. Signing the timestamp lets a receiver reject
/// replays of an old request; signing the exact bytes means it verifies before parsing.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-IntakeMesh-Signature";
    public const string TimestampHeader = "X-IntakeMesh-Timestamp";
    public const string AlertIdHeader = "X-IntakeMesh-Alert-Id";
    public const string AlertTypeHeader = "X-IntakeMesh-Alert-Type";

    private const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>
    /// Whether <paramref name="signature"/> is right for the body and timestamp, and the
    /// timestamp within <paramref name="tolerance"/> of <paramref name="now"/>. Constant-time.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, seconds, body));
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var stamp = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
