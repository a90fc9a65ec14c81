namespace IntakeMesh.Core.Intake;

/// <summary>The Kafka topic names of the wire format: the topic gives the channel.</summary>
public static class IntakeTopics
{
    public const string Phone = "intake.phone";
    public const string Email = "intake.email";
    public const string Social = "intake.social";
    public const string Regulator = "intake.regulator";
    public const string DeadLetter = "intake.deadletter";

    public static IReadOnlyList<string> All { get; } = [Phone, Email, Social, Regulator];

    public static string For(Channel channel) => channel switch
    {
        Channel.Phone => Phone,
        Channel.Email => Email,
        Channel.Social => Social,
        Channel.Regulator => Regulator,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown channel"),
    };

    public static bool TryGetChannel(string topic, out Channel channel)
    {
        switch (topic)
        {
            case Phone: channel = Channel.Phone; return true;
            case Email: channel = Channel.Email; return true;
            case Social: channel = Channel.Social; return true;
            case Regulator: channel = Channel.Regulator; return true;
            default: channel = default; return false;
        }
    }

    /// <summary>Parses a channel name as written in JSON-lines files ("phone", "email", ...).</summary>
    public static bool TryParseChannel(string? name, out Channel channel) =>
        Enum.TryParse(name, ignoreCase: true, out channel) && Enum.IsDefined(channel);
}
