using System.Security.Claims;

namespace IntakeMesh.Host.Security;

/// <summary>Who is calling, as the API and the audit log name them.</summary>
/// <param name="Name">The API key's configured name, or the JWT's <c>name</c> (else <c>sub</c>) claim.</param>
/// <param name="Role">The highest known role among the caller's role claims; null when none is known.</param>
public sealed record Caller(string Name, Role? Role)
{
    public static Caller From(ClaimsPrincipal user)
    {
        Role? highest = null;
        foreach (var claim in user.FindAll(SecurityClaims.Role))
        {
            if (Roles.TryParse(claim.Value, out var role) && (highest is null || role > highest))
            {
                highest = role;
            }
        }
        var name = user.FindFirst(SecurityClaims.Name)?.Value ?? user.FindFirst(SecurityClaims.Subject)?.Value;
        return new Caller(string.IsNullOrWhiteSpace(name) ? "unnamed" : name, highest);
    }

    /// <summary>True when the caller's role is <paramref name="role"/> or above.</summary>
    public bool Has(Role role) => Role >= role;

    public string RoleName => Role is { } role ? Roles.Name(role) : "none";
}
