// The problems a caption, subtitle or description track file can have once fetched
// (src/media/track_check.h fetches and judges them). Both the caption and the description
// rule declare these messages, so a track's problem fails whichever rule its kind belongs
// to; the media module finds them in the registry by id.
// Arguments: {0} = the track URL, {1} = the detail.
#pragma once

#include "engine/rule.h"

namespace granska::checks {

using engine::Message;

extern const Message kTrackHttpError;   // {1} = HTTP status
extern const Message kTrackNotLoaded;   // {1} = the fetch error
extern const Message kTrackWrongType;   // {1} = the Content-Type sent
extern const Message kTrackNotWebVtt;   // {1} = line and what is wrong
extern const Message kTrackNoCues;
extern const Message kTrackOutOfOrder;  // {1} = line of the first cue out of order

}  // namespace granska::checks
