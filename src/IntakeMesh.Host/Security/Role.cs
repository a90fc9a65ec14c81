namespace IntakeMesh.Host.Security;

/// <summary>What a caller may do; each role may do everything the roles below it may.</summary>
public enum Role
{
    /// <summary>Incidents without personal data, system information.</summary>
    Viewer = 1,

    /// <summary>Full incident detail, acknowledge and resolve, the customers API.</summary>
    Operator = 2,

    /// <summary>The audit log and reveals of personal data.</summary>
    Admin = 3,
}
