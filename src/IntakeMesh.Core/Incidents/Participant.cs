using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Incidents;

/// <summary>A distinct customer in an incident, at their first complaint about it.</summary>
public sealed record Participant(string CustomerKey, DateTimeOffset FirstAt, Channel Channel, string EventId)
{
    /// <summary>Social reach of the participant's first post, when it came through social media.</summary>
    public long? Followers { get; init; }

    /// <summary>The participant whose social post this one replied to or reposted, when any.</summary>
    public string? FollowerOf { get; init; }
}
