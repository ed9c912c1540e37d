using CustomerEngine.Grains.ValueModelFitting;

namespace CustomerEngine.Host.ValueModels;

/// <summary>The current value model as <c>GET /api/models/clv</c> returns it: the fit and the CLV settings it is applied with.</summary>
/// <param name="Fit">The latest successful fit.</param>
/// <param name="HorizonWeeks">The CLV horizon in weeks.</param>
/// <param name="MonthlyDiscountRate">The CLV discount rate per month.</param>
public sealed record ClvModelView(ClvFit Fit, double HorizonWeeks, double MonthlyDiscountRate);
