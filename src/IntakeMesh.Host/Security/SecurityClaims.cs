namespace IntakeMesh.Host.Security;

/// <summary>The claim names both sign-in schemes produce: the JWT names, unmapped, so a token reads as it was issued.</summary>
public static class SecurityClaims
{
    public const string Name = "name";
    public const string Subject = "sub";
    public const string Role = "role";
}
