using IntakeMesh.Core.Regulation;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Hosting;

/// <summary>Refuses to start with a regulation section that names unknown calendars or rules, or bad days or shares.</summary>
public sealed class RegulationOptionsValidator : IValidateOptions<RegulationOptions>
{
    public ValidateOptionsResult Validate(string? name, RegulationOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{RegulationOptions.Section}: {e}"));
    }
}
