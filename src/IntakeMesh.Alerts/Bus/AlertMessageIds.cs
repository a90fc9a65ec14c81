using System.Security.Cryptography;
using System.Text;

namespace IntakeMesh.Alerts.Bus;

/// <summary>
/// The bus message id of an alert, derived from its AlertId: a re-published alert keeps its
/// MassTransit MessageId too, so traces and broker tools see one message, not two.
/// </summary>
internal static class AlertMessageIds
{
    public static Guid For(string alertId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(alertId), hash);
        var bytes = hash[..16];
        // Mark it an RFC 9562 version 8 (name-based, custom hash) UUID with the standard variant.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
