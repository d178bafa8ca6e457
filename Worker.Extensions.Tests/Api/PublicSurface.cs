using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Api
{
    /// <summary>The package's public API as one line per type and member, in a stable order.</summary>
    internal static class PublicSurface
    {
        public static IReadOnlyList<string> Of(Assembly assembly) =>
            assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).SelectMany(Lines).ToList();

        private static IEnumerable<string> Lines(Type type)
        {
            yield return $"{Kind(type)} {type.FullName}{(type.BaseType is { } b && b != typeof(object) && !type.IsValueType ? " : " + Name(b) : string.Empty)}";
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    yield return $"  {name} = {Convert.ToInt64(Enum.Parse(type, name))}";
                }
                yield break;
            }
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags).Where(IsVisible).Select(Describe).OrderBy(s => s, StringComparer.Ordinal))
            {
                yield return "  " + member;
            }
        }

        private static bool IsVisible(MemberInfo member) => member switch
        {
            MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !method.IsSpecialName,
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily),
            FieldInfo field => field.IsPublic || field.IsFamily,
            _ => false,
        } || (member is ConstructorInfo ctor && (ctor.IsPublic || ctor.IsFamily));

        private static string Describe(MemberInfo member) => member switch
        {
            ConstructorInfo ctor => $"ctor({Parameters(ctor)})",
            MethodInfo method => $"{(method.IsStatic ? "static " : string.Empty)}{Name(method.ReturnType)} {method.Name}({Parameters(method)})",
            PropertyInfo property => $"{Name(property.PropertyType)} {property.Name} {{ {(property.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(property.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}",
            FieldInfo field => $"field {Name(field.FieldType)} {field.Name}",
            _ => member.Name,
        };

        private static string Parameters(MethodBase method) =>
            string.Join(", ", method.GetParameters().Select(p => $"{(p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty)}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

        private static string Kind(Type type) =>
            type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsInterface ? "interface"
            : $"{(type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty)}class";

        private static string Name(Type type) => type.IsGenericType
            ? $"{type.Name.Substring(0, type.Name.IndexOf('`'))}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.IsArray ? Name(type.GetElementType()!) + "[]" : type.Name;
    }
}
