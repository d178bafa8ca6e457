using System;
using System.Threading.Tasks;

namespace WebPubSubStandIn
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            try
            {
                await StandInApp.RunAsync(args);
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine("Web PubSub stand-in: " + ex.Message);
                return 2;
            }
        }
    }
}
