using System.Globalization;
using OpenTelemetry.Exporter;

namespace CustomerEngine.Host.Telemetry;

/// <summary>
/// Where and how to export, read from the standard OpenTelemetry variables (as environment
/// variables or any other configuration source under the same keys). No endpoint means no export.
/// </summary>
/// <param name="Endpoint">The collector's base address; signal paths (<c>v1/traces</c>, <c>v1/metrics</c>, <c>v1/logs</c>) are appended for HTTP.</param>
/// <param name="Protocol">gRPC or HTTP with protobuf bodies.</param>
/// <param name="ServiceName">The <c>service.name</c> resource attribute.</param>
/// <param name="ResourceAttributes">Further resource attributes, from <see cref="ResourceAttributesKey"/>.</param>
public sealed record OtlpExportSettings(Uri Endpoint, OtlpExportProtocol Protocol, string ServiceName, IReadOnlyList<KeyValuePair<string, object>> ResourceAttributes)
{
    /// <summary>The collector's base address, e.g. <c>http://collector:4318</c>.</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary><c>http/protobuf</c> (the default, as the specification recommends) or <c>grpc</c>.</summary>
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The service name; <c>customer-engine</c> unless set here or in <see cref="ResourceAttributesKey"/>.</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>Comma-separated <c>key=value</c> pairs with percent-encoded values, e.g. <c>deployment.environment.name=prod,service.namespace=retail</c>.</summary>
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";

    /// <summary>The service name when none is configured.</summary>
    public const string DefaultServiceName = "customer-engine";

    /// <summary>Reads the settings; null when no endpoint is configured.</summary>
    /// <exception cref="InvalidOperationException">A value is set but not valid: the engine refuses to start rather than silently export nothing.</exception>
    public static OtlpExportSettings? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpointText = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpointText))
        {
            return null;
        }

        if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{EndpointKey} must be an absolute http or https address such as http://collector:4318, not '{endpointText}'.");
        }

        var protocol = configuration[ProtocolKey]?.Trim() switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"{ProtocolKey} must be 'http/protobuf' or 'grpc', not '{other}' (the .NET exporter does not send http/json)."),
        };

        var attributes = ParseAttributes(configuration[ResourceAttributesKey]);
        var serviceName = configuration[ServiceNameKey] is { Length: > 0 } configured ? configured.Trim()
            : attributes.FirstOrDefault(a => a.Key == "service.name").Value as string ?? DefaultServiceName;
        return new OtlpExportSettings(endpoint, protocol, serviceName, attributes);
    }

    /// <summary>The address one signal is sent to: the base address itself for gRPC, the base plus <c>v1/{signal}</c> for HTTP (as the specification says for the shared endpoint variable).</summary>
    public Uri SignalEndpoint(string signal) => Protocol == OtlpExportProtocol.Grpc
        ? Endpoint
        : new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal, UriKind.Absolute);

    /// <summary>Applies this endpoint and protocol to one signal's exporter options.</summary>
    public void ApplyTo(OtlpExporterOptions options, string signal)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Endpoint = SignalEndpoint(signal);
        options.Protocol = Protocol;
    }

    private static List<KeyValuePair<string, object>> ParseAttributes(string? text)
    {
        var attributes = new List<KeyValuePair<string, object>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return attributes;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{ResourceAttributesKey} must be comma-separated key=value pairs; '{pair}' is not one."));
            }

            attributes.Add(new(pair[..equals].Trim(), Uri.UnescapeDataString(pair[(equals + 1)..].Trim())));
        }

        return attributes;
    }
}
