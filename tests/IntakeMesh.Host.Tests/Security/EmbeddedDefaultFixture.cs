using System.Text.RegularExpressions;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// A host started as a developer would start it: Development, nothing about sign-in configured.
/// It must not run open: it makes an admin key and logs it once. This one also keeps /metrics
/// behind sign-in and a short audit log, to see the log drop its oldest pages.
/// </summary>
public sealed class EmbeddedDefaultFixture : HostFixture
{
    public const int AuditMaxEntries = 300;

    protected override string EnvironmentName => "Development";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var key in ApiKeySettings().Keys)
        {
            settings.Remove(key);
        }
        settings["Security:AnonymousMetrics"] = "false";
        settings["Audit:MaxEntries"] = AuditMaxEntries.ToString();
    }

    /// <summary>The generated key, read from the log as a person would.</summary>
    public string GeneratedKey() =>
        Logs.Lines.Select(l => Regex.Match(l, "admin api key: (\\S+)")).Single(m => m.Success).Groups[1].Value;
}
