// Right after the SDK's script: its download is local, so this is parse plus evaluation.
performance.mark('sdk-ready');
