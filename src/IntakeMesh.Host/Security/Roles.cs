namespace IntakeMesh.Host.Security;

/// <summary>Role names as configuration, claims and answers spell them: viewer, operator, admin.</summary>
public static class Roles
{
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Role role)
    {
        role = default;
        return name?.Trim().ToLowerInvariant() switch
        {
            "viewer" => Set(Role.Viewer, out role),
            "operator" => Set(Role.Operator, out role),
            "admin" => Set(Role.Admin, out role),
            _ => false,
        };
    }

    private static bool Set(Role value, out Role role)
    {
        role = value;
        return true;
    }
}
