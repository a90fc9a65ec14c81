using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// The single-customer signals that call for speed (tier T1 of design.md), in the words the
/// reasons use: from the text (loss still happening, anger, threats), from the channel (a
/// regulator case) and from the customer (third contact on one issue, a move to social media or
/// over the company's head, the watch list).
/// </summary>
internal static class SignalWords
{
    public const string RegulatorThreat = "regulator or petition threat";
    public const string WatchListed = "watch-listed customer";

    public static IEnumerable<string> Of(ComplaintFact fact, DetectionOptions options)
    {
        if (fact.Urgency == Urgency.InProgress)
        {
            yield return "loss still happening";
        }
        if (fact.Emotion >= EmotionLevel.Angry)
        {
            yield return $"customer {(fact.Emotion == EmotionLevel.OutOfControl ? "out of control" : "angry")}";
        }
        if (fact.Risks.HasFlag(RiskSignals.Media))
        {
            yield return "media threat";
        }
        if (fact.Risks.HasFlag(RiskSignals.Regulator))
        {
            yield return RegulatorThreat;
        }
        if (fact.Risks.HasFlag(RiskSignals.Legal))
        {
            yield return "legal threat";
        }
        if (fact.Channel == Channel.Regulator)
        {
            yield return "regulator case";
        }
        if (fact.Escalation.HasFlag(ContactEscalation.RepeatedContact))
        {
            yield return $"{Ordinal(options.EscalationContacts)} contact on one issue";
        }
        var from = fact.EscalatedFrom is { } channel ? $"from {Name(channel)} " : "";
        if (fact.Escalation.HasFlag(ContactEscalation.MovedToSocial))
        {
            yield return $"moved {from}to social media";
        }
        if (fact.Escalation.HasFlag(ContactEscalation.MovedToRegulator))
        {
            yield return $"moved {from}to a regulator";
        }
        if (fact.Role == CustomerRole.WatchListed)
        {
            yield return WatchListed;
        }
    }

    public static string Name(Channel channel) => channel switch
    {
        Channel.Social => "social media",
        _ => channel.ToString().ToLowerInvariant(),
    };

    private static string Ordinal(int n) => n switch
    {
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        _ => $"{n}th",
    };
}
