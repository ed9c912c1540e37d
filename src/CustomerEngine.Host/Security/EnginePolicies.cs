namespace CustomerEngine.Host.Security;

/// <summary>
/// The authorization policies every endpoint names explicitly. People sign in with a cookie;
/// machines send an <c>X-Api-Key</c>. An <c>admin</c> (person or key) passes every policy.
/// </summary>
public static class EnginePolicies
{
    /// <summary>Posting events: an <c>ingest</c> or <c>admin</c> key, or a signed-in admin.</summary>
    public const string Ingest = "ingest";

    /// <summary>Reading customers, stores and suggestions and recording outcomes: any signed-in person (staff are further scoped to their stores) or an admin key.</summary>
    public const string FrontLine = "front-line";

    /// <summary>The live overview: managers, marketing and admins.</summary>
    public const string Overview = "overview";

    /// <summary>Campaigns: marketing and admins.</summary>
    public const string Marketing = "marketing";

    /// <summary>Administration (action catalog changes, model fits, data rights): admins only.</summary>
    public const string Admin = "admin";

    /// <summary>Open to anyone: health probes, the sign-in page, static assets.</summary>
    public const string Anonymous = "anonymous";
}
