/**
 * The AWS SDK warns on every start that releases after January 2027 need Node 22. The local cloud
 * supports Node 20.19+ on purpose (see README), so that one warning is dropped; all others print.
 * Import this module first.
 */
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (
    warning.name === 'NodeVersionSupportWarning' ||
    warning.message.startsWith('NodeVersionSupportWarning')
  )
    return;
  console.warn(`${warning.name}: ${warning.message}`);
});
