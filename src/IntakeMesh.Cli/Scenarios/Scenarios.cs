using IntakeMesh.Cli.Input;

namespace IntakeMesh.Cli.Scenarios;

/// <summary>The built-in scenarios, by name.</summary>
public static class Scenarios
{
    public static IReadOnlyList<string> Names { get; } = [GroupComplaintScenario.Name];

    public static IReadOnlyList<EventLine>? Find(string name) => name switch
    {
        GroupComplaintScenario.Name => GroupComplaintScenario.Build(),
        _ => null,
    };
}
