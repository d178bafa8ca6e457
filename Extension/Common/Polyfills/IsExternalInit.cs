#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    // Lets records compile for netstandard2.0; the runtime type only exists from .NET 5 on.
    internal static class IsExternalInit
    {
    }
}
#endif
