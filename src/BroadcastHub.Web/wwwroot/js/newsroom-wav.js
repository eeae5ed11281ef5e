// BroadcastHub newsroom: a stretch of an AudioBuffer as a 16-bit PCM mono WAV (channels averaged), for the recorder's
// trimmed take. The server decodes and measures it like any uploaded WAV.
window.NewsroomWav = (function () {
    'use strict';
    function encode(buffer, startFrame, endFrame) {
        var frames = Math.max(0, endFrame - startFrame);
        var channels = [];
        for (var c = 0; c < buffer.numberOfChannels; c++) channels.push(buffer.getChannelData(c));
        var bytes = new ArrayBuffer(44 + frames * 2);
        var view = new DataView(bytes);
        function text(offset, s) { for (var i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i)); }
        text(0, 'RIFF'); view.setUint32(4, 36 + frames * 2, true); text(8, 'WAVE');
        text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
        view.setUint32(24, buffer.sampleRate, true); view.setUint32(28, buffer.sampleRate * 2, true);
        view.setUint16(32, 2, true); view.setUint16(34, 16, true);
        text(36, 'data'); view.setUint32(40, frames * 2, true);
        for (var f = 0; f < frames; f++) {
            var sum = 0;
            for (var k = 0; k < channels.length; k++) sum += channels[k][startFrame + f];
            var s = Math.max(-1, Math.min(1, sum / channels.length));
            view.setInt16(44 + f * 2, s < 0 ? s * 0x8000 : s * 0x7FFF, true);
        }
        return new Blob([bytes], { type: 'audio/wav' });
    }
    return { encode: encode };
}());
