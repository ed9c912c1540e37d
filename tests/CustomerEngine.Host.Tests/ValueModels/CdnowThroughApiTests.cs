using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.Host.Tests.ValueModels;

public sealed class CdnowThroughApiTests(CdnowEngine engine, ITestOutputHelper output) : IClassFixture<CdnowEngine>
{
    private readonly HttpClient _client = engine.Client;

    [Fact]
    public async Task Fitting_cdnow_posted_as_events_reproduces_the_published_bg_nbd_and_gamma_gamma_estimates()
    {
        var run = await _client.FitAsync(new JsonObject { ["asOf"] = "1997-09-30" });

        var model = await _client.CurrentModelAsync();
        var fit = model["fit"]!;
        var bgNbd = fit["bgNbd"]!;
        var gammaGamma = fit["gammaGamma"]!;
        output.WriteLine(fit.ToJsonString());

        Assert.Equal((string?)run["id"], (string?)fit["id"]);
        Assert.Equal(1.0, (double)run["progress"]!);
        Assert.Equal(CdnowEvents.CalibrationEnd, (DateTimeOffset)fit["asOf"]!);
        Assert.Equal(2357, (int)bgNbd["customers"]!);
        Assert.Equal(0.243, (double)bgNbd["r"]!, 0.001);
        Assert.Equal(4.414, (double)bgNbd["alpha"]!, 0.002);
        Assert.Equal(0.793, (double)bgNbd["a"]!, 0.001);
        Assert.Equal(2.426, (double)bgNbd["b"]!, 0.002);
        Assert.Equal(-9582.4, (double)bgNbd["logLikelihood"]!, 0.1);
        Assert.Equal(946, (int)gammaGamma["customers"]!);
        Assert.Equal(6.25, (double)gammaGamma["p"]!, 0.01);
        Assert.Equal(3.74, (double)gammaGamma["q"]!, 0.01);
        Assert.Equal(15.44, (double)gammaGamma["gamma"]!, 0.02);
        Assert.True((double)fit["durationSeconds"]! > 0);
        Assert.Equal(52.0, (double)model["horizonWeeks"]!);

        // Every customer is scored with the new fit, in finite numbers.
        var value = (await _client.CustomerAsync("cdnow-00004"))["value"]!;
        foreach (var field in new[] { "pAlive", "expectedTransactions", "expectedSpend", "clv" })
        {
            Assert.True(double.IsFinite((double)value[field]!), $"{field} = {value[field]}");
        }
    }

    [Fact]
    public async Task Validation_on_the_cdnow_holdout_compares_predicted_and_actual_repeat_purchases_by_calibration_count()
    {
        var (status, body) = await _client.PostJsonAsync(
            "/api/models/clv/validate",
            new JsonObject { ["calibrationEnd"] = "1997-09-30", ["holdoutEnd"] = "1998-06-30" });

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        var report = body!["report"]!;
        var groups = report["groups"]!.AsArray();
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"customers={report["customers"]} horizon={(double)report["horizonWeeks"]!:F2} weeks actual={report["actualTotal"]} predicted={(double)report["predictedTotal"]!:F1} MAE={(double)report["meanAbsoluteError"]!:F4} r={(double)body["bgNbd"]!["r"]!:F4} alpha={(double)body["bgNbd"]!["alpha"]!:F4} a={(double)body["bgNbd"]!["a"]!:F4} b={(double)body["bgNbd"]!["b"]!:F4} LL={(double)body["bgNbd"]!["logLikelihood"]!:F2}"));
        output.WriteLine("| calibration repeats | customers | actual mean | predicted mean | actual total | predicted total |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var group in groups)
        {
            output.WriteLine(string.Create(invariant, $"| {group!["label"]} | {group["customers"]} | {(double)group["actualMean"]!:F3} | {(double)group["predictedMean"]!:F3} | {group["actualTotal"]} | {(double)group["predictedTotal"]!:F1} |"));
        }

        Assert.Equal(0.243, (double)body["bgNbd"]!["r"]!, 0.001);
        Assert.Equal(2357, (int)report["customers"]!);
        Assert.Equal(39.0, (double)report["horizonWeeks"]!);
        Assert.Equal(1882.0, (double)report["actualTotal"]!);
        Assert.Equal(1653.4, (double)report["predictedTotal"]!, 0.1);
        Assert.Equal(0.786, (double)report["meanAbsoluteError"]!, 0.001);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], groups.Select(g => (string?)g!["label"]));
        Assert.Equal(2357, groups.Sum(g => (int)g!["customers"]!));
        Assert.Equal((1411, 334.0), ((int)groups[0]!["customers"]!, (double)groups[0]!["actualTotal"]!));
    }

    [Fact]
    public async Task Validation_names_the_field_at_fault()
    {
        var (reversed, reversedBody) = await _client.PostJsonAsync(
            "/api/models/clv/validate",
            new JsonObject { ["calibrationEnd"] = "1998-06-30", ["holdoutEnd"] = "1997-09-30" });
        var (missing, missingBody) = await _client.PostJsonAsync("/api/models/clv/validate", new JsonObject { ["holdoutEnd"] = "1998-06-30" });
        var (future, futureBody) = await _client.PostJsonAsync(
            "/api/models/clv/validate",
            new JsonObject { ["calibrationEnd"] = "1997-09-30", ["holdoutEnd"] = DateTimeOffset.UtcNow.AddDays(30).ToString("O", CultureInfo.InvariantCulture) });
        var (noOffset, noOffsetBody) = await _client.PostJsonAsync(
            "/api/models/clv/validate",
            new JsonObject { ["calibrationEnd"] = "1997-09-30T10:00:00", ["holdoutEnd"] = "1998-06-30" });

        Assert.Equal((HttpStatusCode.BadRequest, "holdoutEnd"), (reversed, (string?)reversedBody!["field"]));
        Assert.Equal((HttpStatusCode.BadRequest, "calibrationEnd"), (missing, (string?)missingBody!["field"]));
        Assert.Equal((HttpStatusCode.BadRequest, "holdoutEnd"), (future, (string?)futureBody!["field"]));
        Assert.Equal((HttpStatusCode.BadRequest, "calibrationEnd"), (noOffset, (string?)noOffsetBody!["field"]));
    }
}
