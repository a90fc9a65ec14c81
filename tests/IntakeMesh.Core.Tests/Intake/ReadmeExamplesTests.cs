using System.Text;
using System.Text.RegularExpressions;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Tests.Intake;

/// <summary>Keeps the README true: every wire-format example in it is a valid event.</summary>
public partial class ReadmeExamplesTests
{
    [Fact]
    public void Readme_EveryChannelExample_ParsesAsValidEvent()
    {
        var readme = File.ReadAllText(FindReadme());

        var examples = Example().Matches(readme).ToDictionary(m => m.Groups["topic"].Value, m => m.Groups["json"].Value);

        Assert.Equal(["intake.email", "intake.phone", "intake.regulator", "intake.social"], examples.Keys.Order());
        foreach (var (topic, json) in examples)
        {
            var result = EventParser.Parse(Encoding.UTF8.GetBytes(json));
            Assert.True(result.IsValid, $"{topic}: {result.Error}");
            var channel = topic["intake.".Length..];
            var block = channel switch
            {
                "phone" => (object?)result.Event.Phone,
                "email" => result.Event.Email,
                "social" => result.Event.Social,
                _ => result.Event.Regulator,
            };
            Assert.NotNull(block);
        }
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "IntakeMesh.sln")))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("README.md next to IntakeMesh.sln");
    }

    [GeneratedRegex(@"\(`(?<topic>intake\.[a-z]+)`\):\s*```json\s*(?<json>\{.*?\})\s*```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
