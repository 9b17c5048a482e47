'use strict';
// restify 11 requires spdy at load time but uses it only with the `spdy` server option, which the bot never sets.
exports.createServer = function createServer() {
    throw new Error('spdy-unavailable: SPDY is not supported by this build; start restify without the spdy option');
};
