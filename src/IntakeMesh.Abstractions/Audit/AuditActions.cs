namespace IntakeMesh.Abstractions.Audit;

/// <summary>The audited actions, as <see cref="AuditEntry.Action"/> names them.</summary>
public static class AuditActions
{
    public const string IncidentAcknowledge = "incident.acknowledge";
    public const string IncidentResolve = "incident.resolve";
    public const string IncidentMerge = "incident.merge";
    public const string IncidentSplit = "incident.split";
    public const string DeadlineExceptional = "deadline.exceptional";
    public const string ComplaintAdvance = "complaint.advance";
    public const string PersonalDataReveal = "personal-data.reveal";
    public const string CustomerUnlink = "customer.unlink";
    public const string CustomerLink = "customer.link";
}
