using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Host.Hosting;

/// <summary>How this silo joins its cluster (section "Cluster").</summary>
public sealed class SiloOptions
{
    public const string Section = "Cluster";

    [Required]
    public string ServiceId { get; set; } = "intakemesh";

    [Required]
    public string ClusterId { get; set; } = "intakemesh";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (the pod IP on Kubernetes); loopback when empty.</summary>
    public string? AdvertisedIp { get; set; }
}
