using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts.Bus;

/// <summary>Checks the <c>Bus</c> section at start.</summary>
internal sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        if (!Enum.IsDefined(options.Transport))
        {
            return ValidateOptionsResult.Fail("Bus:Transport must be InMemory or RabbitMq");
        }
        if (options.Transport == BusTransport.RabbitMq && !RabbitMqAddress.TryParse(options.RabbitMq, out _, out var error))
        {
            return ValidateOptionsResult.Fail(error!);
        }
        return ValidateOptionsResult.Success;
    }
}
