namespace IntakeMesh.Host.Board;

/// <summary>
/// Operator actions are recorded in an incident's reasons as "acknowledged at T3 by NAME: NOTE" and
/// "resolved by NAME: NOTE". A viewer sees that it happened, not who or what they wrote (a note may
/// quote a customer).
/// </summary>
public static class OperatorText
{
    public static string ForViewer(string reason)
    {
        if (!reason.StartsWith("acknowledged", StringComparison.Ordinal) && !reason.StartsWith("resolved", StringComparison.Ordinal))
        {
            return reason;
        }
        var by = reason.IndexOf(" by ", StringComparison.Ordinal);
        return by < 0 ? reason : reason[..by];
    }

    public static IReadOnlyList<string> ForViewer(IReadOnlyList<string> reasons) => [.. reasons.Select(ForViewer)];
}
