namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>
/// A page controller's action that answers scripts, not people: its refusals become the API's
/// <c>{ error, message }</c> (by <see cref="AppExceptionFilter"/>) instead of a page.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class JsonRefusalsAttribute : Attribute;
