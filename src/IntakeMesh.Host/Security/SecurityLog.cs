namespace IntakeMesh.Host.Security;

/// <summary>The security area's log lines.</summary>
public static partial class SecurityLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Security:ApiKeys or Security:Jwt configured, so this run made its own: admin api key: {ApiKey} (send it as X-Api-Key; it changes at every start)")]
    public static partial void GeneratedAdminKey(ILogger logger, string apiKey);
}
