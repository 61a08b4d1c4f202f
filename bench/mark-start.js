// The clock starts when the SDK's script is about to run.
performance.mark('script-start');
