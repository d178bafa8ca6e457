using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure
{
    /// <summary>What the emitted functions were called with, by function name. Public: emitted code calls it.</summary>
    public static class ScriptCalls
    {
        public static readonly ConcurrentDictionary<string, object?[]> Arguments = new();

        public static void Record(string function, object?[] arguments) => Arguments[function] = arguments;
    }

    internal sealed record ScriptParameter(string Name, Type Type, params CustomAttributeBuilder[] Attributes);

    internal sealed record ScriptFunction(string Name, bool AutomaticTrigger, params ScriptParameter[] Parameters);

    /// <summary>
    /// Turns attributes into functions the way the Functions host does for function.json: it emits a method per
    /// function whose parameters carry the bindings' attributes, rebuilt from the attribute instances' public
    /// properties (the constructor with the most parameters matched by property name, case-insensitively, then
    /// every other writable property as a named argument). Each method only records its arguments.
    /// </summary>
    internal static class ScriptFunctionEmitter
    {
        public static Type Emit(string typeName, params ScriptFunction[] functions)
        {
            var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(typeName), AssemblyBuilderAccess.Run);
            var type = assembly.DefineDynamicModule(typeName)
                .DefineType(typeName, TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
            foreach (var function in functions)
            {
                EmitMethod(type, function);
            }
            return type.CreateType();
        }

        public static CustomAttributeBuilder FromInstance(Attribute attribute)
        {
            var type = attribute.GetType();
            var values = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.DeclaringType != typeof(Attribute) && p.GetIndexParameters().Length == 0)
                .Select(p => (p.Name, Value: p.GetValue(attribute)))
                .Where(p => p.Value != null)
                .ToDictionary(p => p.Name, p => p.Value!, StringComparer.OrdinalIgnoreCase);
            var constructor = type.GetConstructors()
                .Where(c => c.GetParameters().All(p => values.ContainsKey(p.Name!)))
                .OrderByDescending(c => c.GetParameters().Length)
                .First();
            var named = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetSetMethod() != null && values.ContainsKey(p.Name))
                .ToArray();
            return new CustomAttributeBuilder(
                constructor,
                constructor.GetParameters().Select(p => values[p.Name!]).ToArray(),
                named,
                named.Select(p => values[p.Name]).ToArray());
        }

        public static CustomAttributeBuilder Simple<T>(params object[] arguments) where T : Attribute =>
            new(typeof(T).GetConstructor(arguments.Select(a => a.GetType()).ToArray())!, arguments);

        private static void EmitMethod(TypeBuilder type, ScriptFunction function)
        {
            var method = type.DefineMethod(function.Name, MethodAttributes.Public | MethodAttributes.Static, typeof(void),
                function.Parameters.Select(p => p.Type).ToArray());
            method.SetCustomAttribute(Simple<FunctionNameAttribute>(function.Name));
            if (!function.AutomaticTrigger)
            {
                method.SetCustomAttribute(Simple<NoAutomaticTriggerAttribute>());
            }
            for (var i = 0; i < function.Parameters.Length; i++)
            {
                var parameter = method.DefineParameter(i + 1, ParameterAttributes.None, function.Parameters[i].Name);
                foreach (var attribute in function.Parameters[i].Attributes)
                {
                    parameter.SetCustomAttribute(attribute);
                }
            }

            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldstr, function.Name);
            il.Emit(OpCodes.Ldc_I4, function.Parameters.Length);
            il.Emit(OpCodes.Newarr, typeof(object));
            for (var i = 0; i < function.Parameters.Length; i++)
            {
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldarg, i);
                if (function.Parameters[i].Type.IsValueType)
                {
                    il.Emit(OpCodes.Box, function.Parameters[i].Type);
                }
                il.Emit(OpCodes.Stelem_Ref);
            }
            il.Emit(OpCodes.Call, typeof(ScriptCalls).GetMethod(nameof(ScriptCalls.Record))!);
            il.Emit(OpCodes.Ret);
        }
    }
}
