using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// One complaint kept as an example of what an incident's customers say: who (pseudonymous key),
/// where, when, and an excerpt of the text with phone numbers and email addresses masked.
/// </summary>
public sealed record ComplaintSample(string CustomerKey, Channel Channel, DateTimeOffset At, string Text)
{
    public ComplaintCategory Category { get; init; }

    public RiskSignals Risks { get; init; }

    /// <summary>True when the text nearly matched another customer's (a templated wave).</summary>
    public bool Templated { get; init; }
}
