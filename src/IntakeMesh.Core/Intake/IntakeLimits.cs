using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Core.Intake;

/// <summary>Size limits applied to every record before anything else reads it.</summary>
public sealed class IntakeLimits
{
    /// <summary>Largest accepted record value, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = 256 * 1024;

    /// <summary>Largest accepted complaint text, in UTF-8 bytes (wire format v1: 32 KiB).</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxTextBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// Largest accepted value of any other string field (ids, identifiers, subject, channel
    /// details), in UTF-8 bytes. They end up in grain keys and remembered-id sets, so a hostile
    /// 200 KiB event id must not be multiplied by thousands of remembered ids.
    /// </summary>
    [Range(64, 64 * 1024)]
    public int MaxFieldBytes { get; set; } = 1024;

    /// <summary>Deepest JSON nesting accepted; the format itself needs 3.</summary>
    [Range(4, 256)]
    public int MaxDepth { get; set; } = 16;

    public static IntakeLimits Default { get; } = new();
}
