namespace IntakeMesh.Host.Hosting;

/// <summary>Where grain state, cluster membership and reminders live (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><see cref="StorageProvider.Memory"/> (one silo, nothing kept) or <see cref="StorageProvider.Postgres"/> (ConnectionStrings:Postgres).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;
}

public enum StorageProvider
{
    Memory,
    Postgres,
}
