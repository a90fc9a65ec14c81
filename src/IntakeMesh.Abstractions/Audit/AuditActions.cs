namespace IntakeMesh.Abstractions.Audit;

/// <summary>The audited actions, as <see cref="AuditEntry.Action"/> names them.</summary>
public static class AuditActions
{
    public const string IncidentAcknowledge = "incident.acknowledge";
    public const string IncidentResolve = "incident.resolve";
    public const string ComplaintAdvance = "complaint.advance";
    public const string PersonalDataReveal = "personal-data.reveal";
}
