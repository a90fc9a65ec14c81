using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Host.Hosting;

/// <summary>Where grain state, cluster membership and reminders live (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><see cref="StorageProvider.Memory"/> (one silo, nothing kept) or <see cref="StorageProvider.Postgres"/> (ConnectionStrings:Postgres).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>
    /// PostgreSQL connections grain state and reminders go over. Every grain's read and write is a
    /// statement of its own, thousands at once in a batch; they are pipelined (Npgsql
    /// multiplexing) over these few connections rather than each taking one. Many connections
    /// cost the database more than they give: each backend maps shared memory page by page.
    /// </summary>
    [Range(1, 100)]
    public int StateConnections { get; set; } = 4;
}

public enum StorageProvider
{
    Memory,
    Postgres,
}
