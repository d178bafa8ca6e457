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
                if (args.Length > 0 && args[0] == "ca")
                {
                    // `WebPubSubStandIn ca`: create the local CA if needed and print its certificate's path (for trust set-up).
                    Console.Out.WriteLine(StandInApp.CertificateAuthorityPath(args[1..]));
                    return 0;
                }
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
