using System.Threading.Tasks;

namespace FunctionsHost
{
    public static class Program
    {
        public static Task<int> Main(string[] args) => FunctionsHostApp.RunAsync(args);
    }
}
