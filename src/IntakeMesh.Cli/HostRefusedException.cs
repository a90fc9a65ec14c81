using System.Net;

namespace IntakeMesh.Cli;

/// <summary>The host refused the CLI's credentials: 401 (none, or not known) or 403 (the role is too low).</summary>
public sealed class HostRefusedException(HttpStatusCode status, string detail)
    : Exception($"{(int)status} {status}: {detail}")
{
    public HttpStatusCode Status { get; } = status;

    public string Detail { get; } = detail;
}
